// After `mvn verify` passed on the generated sandbox project: it has the sandbox type's files only, its manifest
// describes the @Sandbox, and its tests on the host test kit ran and passed.
def project = (binding.hasVariable('projectDir') ? projectDir : context.projectDir) as File
def file = { String path -> new File(project, path) }
def src = 'src/main/java/com/example/teamsandbox'

['pom.xml', 'README.md', 'host.yaml', 'semantic/catalog.yml', '.gitignore', "${src}/TeamSandbox.java",
 'src/test/java/com/example/teamsandbox/TeamSandboxTest.java', 'src/test/resources/simplelogger.properties'].each {
  assert file(it).isFile(): "missing ${it}"
}
["${src}/TeamSandboxTools.java", "${src}/TeamSandboxConfig.java", '.env.example', 'context.md', 'pom-context.xml',
 'README-context.md', 'README-sandbox.md', 'host-sandbox.yaml', "${src}/TeamSandbox.java.sandbox",
 "${src}/TeamSandbox.java.context"].each {
  assert !file(it).exists(): "left behind: ${it}"
}

def plugin = file("${src}/TeamSandbox.java").getText('UTF-8')
assert plugin.contains('types = PluginType.SANDBOX)')
assert plugin.contains('@Sandbox(networkIsolation = true')
def hostFile = file('host.yaml').getText('UTF-8')
assert hostFile.contains('  semanticRoot: ${SEMANTIC_ROOT:-semantic}\n')
assert hostFile.contains('  - plugin: team-sandbox\n')
def readme = file('README.md').getText('UTF-8')
assert readme.startsWith('# Team Sandbox\n\nTeam Sandbox: an Atlas sandbox plugin written in Java.\n')

def manifest = new groovy.json.JsonSlurper().parse(file('target/classes/META-INF/atomemo4j/team-sandbox/manifest.json'))
assert manifest.types == ['sandbox']
assert manifest.sandbox.priority == 60
assert manifest.sandbox.networkIsolation == true

def report = file('target/surefire-reports/TEST-com.example.teamsandbox.TeamSandboxTest.xml').getText('UTF-8')
assert report =~ /tests="4"/
assert report =~ /failures="0"/
assert report =~ /errors="0"/
