// After `mvn verify` passed on the generated datasource project: only the datasource type's files are there, and
// its tests on the host test kit ran and passed against the embedded database.
def project = (binding.hasVariable('projectDir') ? projectDir : context.projectDir) as File
def file = { String path -> new File(project, path) }
def src = 'src/main/java/com/example/citydata'

['pom.xml', 'README.md', 'host.yaml', '.gitignore', "${src}/CityData.java",
 'src/test/java/com/example/citydata/CityDataTest.java', 'src/test/resources/simplelogger.properties'].each {
  assert file(it).isFile(): "missing ${it}"
}
["${src}/CityDataTools.java", "${src}/CityDataConfig.java", '.env.example', 'context.md', 'pom-context.xml',
 'pom-datasource.xml', 'README-context.md', 'README-datasource.md', 'host-datasource.yaml', 'gitignore',
 "${src}/CityData.java.datasource", "${src}/CityData.java.context",
 'src/test/java/com/example/citydata/CityDataTest.java.datasource'].each {
  assert !file(it).exists(): "left behind: ${it}"
}

def pom = file('pom.xml').getText('UTF-8')
assert pom.contains('<artifactId>atomemo4j-jdbc</artifactId>')
assert pom.contains('<artifactId>h2</artifactId>')
assert !pom.contains('<artifactId>atomemo4j-runtime</artifactId>'): 'a datasource plugin needs no Hub transport'
assert !(pom =~ /@[a-z0-9.-]+@/): 'every build-time token was replaced'

def plugin = file("${src}/CityData.java").getText('UTF-8')
assert plugin.contains('types = PluginType.DATASOURCE)')
['@Initialize', '@Datasource(dbType = "h2"', '@Entities', '@Teardown'].each { assert plugin.contains(it): it }
assert file('host.yaml').getText('UTF-8').contains('  - plugin: city-data\n')
assert file('README.md').getText('UTF-8').startsWith('# City Data\n\nCity Data: an Atlas datasource plugin written in Java.\n')

def manifest = new groovy.json.JsonSlurper().parse(file('target/classes/META-INF/atomemo4j/city-data/manifest.json'))
assert manifest.types == ['datasource']
assert manifest.datasource.dbType == 'h2'
assert manifest.datasource.entities.method == 'entities'

def report = file('target/surefire-reports/TEST-com.example.citydata.CityDataTest.xml').getText('UTF-8')
assert report =~ /tests="4"/
assert report =~ /failures="0"/
assert report =~ /errors="0"/
