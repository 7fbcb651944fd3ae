def project = new File(basedir, 'my-plugin')
['pom.xml', 'README.md', '.env.example', '.gitignore', 'src/main/java/com/example/MyPlugin.java',
 'src/main/java/com/example/MyPluginTools.java', 'src/test/java/com/example/MyPluginTest.java'].each {
  assert new File(project, it).isFile(): "missing ${it}"
}
def pom = new File(project, 'pom.xml').getText('UTF-8')
assert pom.contains('<artifactId>atomemo4j-bom</artifactId>')
assert pom.contains('<arg>-Aatomemo4j.version=${project.version}</arg>')
assert !(pom =~ /@[a-z.]+@/): 'every build-time token was replaced'
assert pom.contains('<!-- What you write: @Plugin, @Tool, @Param, … -->')
assert !new File(project, 'host.yaml').exists(): 'the default type is tool'
assert !new File(project, 'pom-context.xml').exists()
