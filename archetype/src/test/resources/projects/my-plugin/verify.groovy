// After `mvn verify` passed on the generated project: it is the project the README promises.
// The generated project (maven-script-interpreter 1.5+ passes it in `context`; older ones bound it directly).
def project = (binding.hasVariable('projectDir') ? projectDir : context.projectDir) as File
def file = { String path -> new File(project, path) }

['pom.xml', 'README.md', '.env.example', '.gitignore', 'src/main/java/com/example/MyPlugin.java',
 'src/main/java/com/example/MyPluginTools.java', 'src/test/java/com/example/MyPluginTest.java'].each {
  assert file(it).isFile(): "missing ${it}"
}
assert !file('gitignore').exists()
// The default type is tool: none of the context type's files (nor its templates) is left.
['host.yaml', 'context.md', 'pom-context.xml', 'README-context.md', 'src/main/java/com/example/MyPluginConfig.java',
 'src/main/java/com/example/MyPlugin.java.context', 'src/test/java/com/example/MyPluginTest.java.context',
 'src/test/resources'].each {
  assert !file(it).exists(): "a context file in a tool project: ${it}"
}

assert file('README.md').getText('UTF-8').startsWith('# My Plugin\n\nMy Plugin: an Atomemo plugin written in Java.\n')

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

// mvn verify checked the definition with atomemo4j-maven-plugin, and said nothing a newcomer has to wonder about:
// no shade warning about overlapping resources, and the test kit's one line instead of the hub's and Jetty's INFO.
def build = file('build.log').getText('UTF-8')
assert build.contains('atomemo4j: my-plugin 0.1.0-SNAPSHOT: the generated definition is valid')
assert !build.contains('[WARNING]'): 'a generated project builds without warnings'
assert build.contains('[atomemo4j] dev hub + my-plugin ready in ')
assert !build.contains('INFO dev.atomemo4j.devhub') && !build.contains('INFO org.eclipse.jetty')

// The generated plugin runs under `atomemo4j dev` (its runnable jar, against the dev hub) and answers `invoke`.
// project = <repo>/archetype/target/test-classes/projects/my-plugin/project/my-plugin
def repo = project.toPath().resolve('../../../../../../..').normalize().toFile()
def cli = new File(repo, 'cli/target/atomemo4j-cli.jar')
assert cli.isFile(): "the CLI jar is built before the archetype: ${cli}"
def java = new File(System.getProperty('java.home'), 'bin/java').path
def data = java.nio.file.Files.createTempDirectory('atomemo4j-archetype-dev').toFile()
def log = new File(data, 'dev.log')
def dev = new ProcessBuilder(java, '-jar', cli.path, 'dev', file('target/my-plugin-0.1.0-SNAPSHOT.jar').path,
    '--port', '0', '--data', new File(data, 'hub').path).directory(project).redirectErrorStream(true)
    .redirectOutput(log).start()
try {
  def deadline = System.currentTimeMillis() + 120_000
  while (!(log.isFile() && log.getText('UTF-8').contains('Registered plugin my-plugin'))) {
    assert dev.isAlive(): "atomemo4j dev stopped:\n${log.getText('UTF-8')}"
    assert !log.getText('UTF-8').contains('the plugin exited'): log.getText('UTF-8')
    assert System.currentTimeMillis() < deadline: "the plugin did not register:\n${log.getText('UTF-8')}"
    Thread.sleep(200)
  }
  def invoke = new ProcessBuilder(java, '-jar', cli.path, 'invoke', 'my-plugin', 'greet', '{"name": "Ada"}',
      '--data', new File(data, 'hub').path).redirectErrorStream(true).start()
  def out = invoke.inputStream.getText('UTF-8')
  assert invoke.waitFor() == 0: out
  assert out.contains('"greeting" : "Hello, Ada!"'): out
} finally {
  dev.destroy()
  dev.waitFor()
  data.deleteDir()
}
