// After `mvn verify` passed on the generated project: it is the project the README promises.
// The generated project (maven-script-interpreter 1.5+ passes it in `context`; older ones bound it directly).
def project = (binding.hasVariable('projectDir') ? projectDir : context.projectDir) as File
def file = { String path -> new File(project, path) }

['pom.xml', 'README.md', '.env.example', '.gitignore', 'src/main/java/com/example/MyPlugin.java',
 'src/main/java/com/example/MyPluginTools.java', 'src/test/java/com/example/MyPluginTest.java'].each {
  assert file(it).isFile(): "missing ${it}"
}
assert !file('gitignore').exists()

def env = file('.env.example').getText('UTF-8')
assert env.contains('HUB_MODE=debug\n')
assert env.contains('HUB_WS_URL=wss://plugin-hub.atomemo.ai\n')
assert env.contains('HUB_DEBUG_API_KEY=\n')
assert file('.gitignore').readLines().contains('.env')

def definition = new groovy.json.JsonSlurper().parse(file('target/classes/META-INF/atomemo4j/my-plugin/definition.json'))
assert definition.name == 'my-plugin'
assert definition.version == '0.1.0-SNAPSHOT'
assert definition.tools*.name == ['greet']

def report = file('target/surefire-reports/TEST-com.example.MyPluginTest.xml').getText('UTF-8')
assert report =~ /tests="1"/
assert report =~ /failures="0"/
assert report =~ /errors="0"/
assert file('target/my-plugin-0.1.0-SNAPSHOT.jar').isFile()
