// The generated project (maven-script-interpreter 1.5+ passes it in `context`; older ones bound it directly).
def project = (binding.hasVariable('projectDir') ? projectDir : context.projectDir) as File
def main = new File(project, 'src/main/java/org/acme/tools/Plugin.java').getText('UTF-8')
assert main.contains('@dev.atomemo4j.annotations.Plugin(')
assert !main.contains('import dev.atomemo4j.annotations.Plugin;')
assert new File(project, 'target/classes/META-INF/atomemo4j/plugin/definition.json').isFile()
