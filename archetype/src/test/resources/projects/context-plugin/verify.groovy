// After `mvn verify` passed on the generated context project: it is the project its README promises, with only
// the context type's files, and its tests on the host test kit ran and passed.
def project = (binding.hasVariable('projectDir') ? projectDir : context.projectDir) as File
def file = { String path -> new File(project, path) }
def src = 'src/main/java/com/example/teamcontext'

['pom.xml', 'README.md', 'host.yaml', 'context.md', '.gitignore', "${src}/TeamContext.java",
 "${src}/TeamContextConfig.java", 'src/test/java/com/example/teamcontext/TeamContextTest.java',
 'src/test/resources/simplelogger.properties'].each {
  assert file(it).isFile(): "missing ${it}"
}
// The tool type's files, and the templates under their other names, are gone.
["${src}/TeamContextTools.java", '.env.example', 'pom-context.xml', 'README-context.md', 'gitignore',
 "${src}/TeamContext.java.context", 'src/test/java/com/example/teamcontext/TeamContextTest.java.context'].each {
  assert !file(it).exists(): "left behind: ${it}"
}

def pom = file('pom.xml').getText('UTF-8')
assert pom.contains('<artifactId>atomemo4j-core</artifactId>')
assert pom.contains('<artifactId>jakarta.validation-api</artifactId>')
assert !pom.contains('<artifactId>atomemo4j-runtime</artifactId>'): 'a context plugin needs no Hub transport'
assert !(pom =~ /@[a-z.-]+@/): 'every build-time token was replaced'

def plugin = file("${src}/TeamContext.java").getText('UTF-8')
assert plugin.contains('types = PluginType.CONTEXT,')
assert plugin.contains('config = TeamContextConfig.class)')
['@Initialize', '@ContextProvider', '@Refresh', '@HealthCheck'].each { assert plugin.contains(it): it }
assert plugin.contains('"## " + config.title()'): 'the Velocity escape of ## became the text'

def hostFile = file('host.yaml').getText('UTF-8')
assert hostFile.contains('  - plugin: team-context\n')
assert hostFile.contains('      path: ${CONTEXT_FILE:-context.md}\n')
def readme = file('README.md').getText('UTF-8')
assert readme.startsWith('# Team Context\n\nTeam Context: an Atlas context plugin written in Java.\n')
assert readme.contains('atomemo4j host host.yaml')
assert readme.contains('curl -s -X POST 127.0.0.1:8787/api/plugins/team-context/refresh')

def manifest = new groovy.json.JsonSlurper().parse(file('target/classes/META-INF/atomemo4j/team-context/manifest.json'))
assert manifest.types == ['context']
assert manifest.config.fields*.key == ['path', 'title', 'maxChars']
assert manifest.lifecycle.keySet() == ['initialize', 'healthCheck', 'contextProvider', 'refresh'] as Set

def report = file('target/surefire-reports/TEST-com.example.teamcontext.TeamContextTest.xml').getText('UTF-8')
assert report =~ /tests="5"/
assert report =~ /failures="0"/
assert report =~ /errors="0"/
assert file('target/atomemo4j.classpath').isFile(): 'the class path `atomemo4j host` loads the plugin with'
