// After `mvn verify` passed on the generated interaction project: it is the project its README promises, with only
// the interaction type's files, and its tests over real HTTP on the host test kit ran and passed.
def project = (binding.hasVariable('projectDir') ? projectDir : context.projectDir) as File
def file = { String path -> new File(project, path) }
def src = 'src/main/java/com/example/teamhooks'

['pom.xml', 'README.md', 'host.yaml', '.gitignore', "${src}/TeamHooks.java", "${src}/TeamHooksConfig.java",
 'src/test/java/com/example/teamhooks/TeamHooksTest.java', 'src/test/resources/simplelogger.properties'].each {
  assert file(it).isFile(): "missing ${it}"
}
// The other types' files, and the templates under their other names, are gone.
["${src}/TeamHooksTools.java", '.env.example', 'context.md', 'pom-context.xml', 'README-context.md',
 'pom-interaction.xml', 'README-interaction.md', 'host-interaction.yaml', 'gitignore',
 "${src}/TeamHooks.java.interaction", "${src}/TeamHooksConfig.java.interaction", "${src}/TeamHooks.java.context",
 'src/test/java/com/example/teamhooks/TeamHooksTest.java.interaction',
 'src/test/java/com/example/teamhooks/TeamHooksTest.java.context'].each {
  assert !file(it).exists(): "left behind: ${it}"
}

def pom = file('pom.xml').getText('UTF-8')
assert pom.contains('<artifactId>atomemo4j-core</artifactId>')
assert !pom.contains('<artifactId>atomemo4j-runtime</artifactId>'): 'an interaction plugin needs no Hub transport'
assert !(pom =~ /@[a-z.-]+@/): 'every build-time token was replaced'

def plugin = file("${src}/TeamHooks.java").getText('UTF-8')
assert plugin.contains('types = PluginType.INTERACTION,')
assert plugin.contains('config = TeamHooksConfig.class)')
['@Routes', '@HealthCheck', 'router.get("/hello/{name}"'].each { assert plugin.contains(it): it }
assert file("${src}/TeamHooksConfig.java").getText('UTF-8').contains('Secret token')

def hostFile = file('host.yaml').getText('UTF-8')
assert hostFile.contains('  - plugin: team-hooks\n')
assert hostFile.contains('      token: ${NOTES_TOKEN}\n')
def readme = file('README.md').getText('UTF-8')
assert readme.startsWith('# Team Hooks\n\nTeam Hooks: an Atlas interaction plugin written in Java.\n')
assert readme.contains('curl -s 127.0.0.1:8787/plugins/team-hooks/hello/Ada')

def manifest = new groovy.json.JsonSlurper().parse(file('target/classes/META-INF/atomemo4j/team-hooks/manifest.json'))
assert manifest.types == ['interaction']
assert manifest.routes.prefix == '/plugins/team-hooks/'
assert manifest.config.fields*.key == ['token', 'greeting']

def report = file('target/surefire-reports/TEST-com.example.teamhooks.TeamHooksTest.xml').getText('UTF-8')
assert report =~ /tests="6"/
assert report =~ /failures="0"/
assert report =~ /errors="0"/
