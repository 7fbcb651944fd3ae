// Runs after the archetype has written the project: checks every property, and when one is invalid removes what
// was generated and fails with a message naming the property, the value and the rule.
//
// The plugin-name rule is dev.atomemo4j.model.validate.Names.FEATURE and its wording Names.whyNotFeatureName (the
// model is not on the archetype plugin's class path at generation time, so both are repeated here; keep them in
// step).

def props = request.properties
def projectDir = new File(request.outputDirectory, request.artifactId)

def FEATURE = ~/^[a-zA-Z](?:(?![_-]{2,})[a-zA-Z0-9_-]){3,63}[a-zA-Z0-9]$/
def SEMVER = ~/^\d+\.\d+\.\d+(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/
def IDENTIFIER = ~/^[A-Za-z_$][A-Za-z0-9_$]*$/
def KEYWORDS = ['abstract', 'assert', 'boolean', 'break', 'byte', 'case', 'catch', 'char', 'class', 'const',
    'continue', 'default', 'do', 'double', 'else', 'enum', 'extends', 'final', 'finally', 'float', 'for', 'goto', 'if',
    'implements', 'import', 'instanceof', 'int', 'interface', 'long', 'native', 'new', 'package', 'private',
    'protected', 'public', 'return', 'short', 'static', 'strictfp', 'super', 'switch', 'synchronized', 'this', 'throw',
    'throws', 'transient', 'try', 'void', 'volatile', 'while', 'true', 'false', 'null', '_'] as Set

def whyNotFeatureName = { String s ->
  if (s.length() < 5 || s.length() > 65) {
    return "it has ${s.length()} characters; names have 5 to 65"
  }
  if (!Character.isLetter(s.charAt(0)) || s.charAt(0) > ('z' as char)) {
    return 'it must start with a letter'
  }
  if (!Character.isLetterOrDigit(s.charAt(s.length() - 1))) {
    return 'it must end with a letter or digit'
  }
  if (s ==~ /.*[_-]{2,}.*/) {
    return 'it has two of `_`/`-` in a row (the Hub uses `__` to separate the name from the version)'
  }
  return 'only ASCII letters, digits, `_` and `-` are allowed'
}

def isJavaIdentifier = { String s -> s ==~ IDENTIFIER && !KEYWORDS.contains(s) }

def problems = []

String name = props.getProperty('name', '')
if (!(name ==~ FEATURE)) {
  problems << "name \"${name}\" is not a valid plugin name: ${whyNotFeatureName(name)} (plugin names are 5–65 ASCII " +
      'letters, digits, single `_` or `-`, starting with a letter and ending with a letter or digit; ' +
      'e.g. -Dname=my-plugin)'
}

String version = props.getProperty('version', '')
if (!(version ==~ SEMVER)) {
  problems << "version \"${version}\" is not SemVer without underscores, which the Hub requires of a plugin " +
      'version (e.g. -Dversion=0.1.0-SNAPSHOT or -Dversion=1.2.3)'
}

String pkg = props.getProperty('package', '')
if (pkg.isEmpty() || !pkg.split(/\./, -1).every { isJavaIdentifier(it) }) {
  problems << "package \"${pkg}\" is not a Java package name (dot-separated Java identifiers that are not " +
      'keywords, e.g. -Dpackage=com.example.myplugin); it defaults to the groupId'
}

// Only meaningful once the name is valid: the class name is derived from it.
if (problems.isEmpty() || name ==~ FEATURE) {
  String pluginClass = props.getProperty('pluginClass', '')
  if (!isJavaIdentifier(pluginClass)) {
    problems << "pluginClass \"${pluginClass}\" is not a Java class name (e.g. -DpluginClass=MyPlugin)"
  }
}

// The plugin types `init` can generate now, and those later parts of atomemo4j add (so they are "not yet available",
// not "unknown"). Keep in step with InitCommand.TYPES / InitCommand.LATER_TYPES.
def TYPES = ['tool', 'context', 'sandbox', 'interaction', 'datasource']
def LATER_TYPES = ['action']
String type = props.getProperty('type', 'tool')
if (LATER_TYPES.contains(type)) {
  problems << "type \"${type}\" is not yet available: it comes with a later part of atomemo4j; the types available " +
      "now are ${TYPES.join(', ')} (e.g. -Dtype=context)"
} else if (!TYPES.contains(type)) {
  problems << "type \"${type}\" is not a plugin type; expected one of: ${TYPES.join(', ')} (e.g. -Dtype=context)"
}

['displayName', 'description'].each { key ->
  String value = props.getProperty(key, '')
  if (value.trim().isEmpty()) {
    problems << "${key} is empty"
  } else if (value =~ /["\\\r\n]/) {
    problems << "${key} \"${value}\" must not contain a double quote, a backslash or a line break (it is written " +
        'into a Java string)'
  }
}

if (!problems.isEmpty()) {
  projectDir.deleteDir()
  throw new IllegalArgumentException('atomemo4j-archetype: ' + problems.join('; '))
}

// The archetype jar would drop a file named .gitignore (a default exclude), so the template is called gitignore.
File gitignore = new File(projectDir, 'gitignore')
if (gitignore.isFile() && !gitignore.renameTo(new File(projectDir, '.gitignore'))) {
  throw new IllegalStateException("atomemo4j-archetype: cannot rename ${gitignore} to .gitignore")
}

// Each type's files: the archetype writes both sets; keep the chosen type's, under their final names.
def packagePath = props.getProperty('package').replace('.', '/')
String classBase = props.getProperty('pluginClass')
def main = new File(projectDir, "src/main/java/${packagePath}")
def test = new File(projectDir, "src/test/java/${packagePath}")
def delete = { File f ->
  if (f.exists() && !f.delete()) {
    throw new IllegalStateException("atomemo4j-archetype: cannot delete ${f}")
  }
}
def replace = { File from, File to ->
  delete(to)
  if (!from.renameTo(to)) {
    throw new IllegalStateException("atomemo4j-archetype: cannot rename ${from} to ${to}")
  }
}
def templates = { String kind ->
  [new File(main, "${classBase}.java.${kind}"), new File(test, "${classBase}Test.java.${kind}"),
   new File(main, "${classBase}Config.java.${kind}")].findAll { it.exists() }
}
def contextTemplates = templates('context')
def interactionTemplates = templates('interaction')
def sandboxTemplates = templates('sandbox')
def datasourceTemplates = templates('datasource')
def interactionFiles = ['pom-interaction.xml', 'README-interaction.md', 'host-interaction.yaml']
def deleteTree = { File f ->
  if (f.exists() && !f.deleteDir()) {
    throw new IllegalStateException("atomemo4j-archetype: cannot delete ${f}")
  }
}
def dropTestResources = {
  def resources = new File(projectDir, 'src/test/resources')
  delete(new File(resources, 'simplelogger.properties'))
  delete(resources)
}
// The files only one type uses go first, for every other type.
if (type != 'sandbox') {
  sandboxTemplates.each { delete(it) }
  ['README-sandbox.md', 'host-sandbox.yaml'].each { delete(new File(projectDir, it)) }
  deleteTree(new File(projectDir, 'semantic'))
}
if (type != 'interaction') {
  interactionTemplates.each { delete(it) }
  interactionFiles.each { delete(new File(projectDir, it)) }
}
if (type != 'datasource') {
  datasourceTemplates.each { delete(it) }
  ['pom-datasource.xml', 'README-datasource.md', 'host-datasource.yaml'].each { delete(new File(projectDir, it)) }
}
if (type == 'datasource') {
  contextTemplates.each { delete(it) }
  delete(new File(main, "${classBase}Tools.java"))
  delete(new File(main, "${classBase}Config.java"))
  ['.env.example', 'pom-context.xml', 'README-context.md', 'context.md'].each { delete(new File(projectDir, it)) }
  datasourceTemplates.each { replace(it, new File(it.parentFile, it.name - '.datasource')) }
  replace(new File(projectDir, 'pom-datasource.xml'), new File(projectDir, 'pom.xml'))
  replace(new File(projectDir, 'README-datasource.md'), new File(projectDir, 'README.md'))
  replace(new File(projectDir, 'host-datasource.yaml'), new File(projectDir, 'host.yaml'))
} else if (type == 'sandbox') {
  // An Atlas plugin in a host, as the context type, with the sandbox's own plugin, test, README and host file.
  delete(new File(main, "${classBase}Tools.java"))
  delete(new File(main, "${classBase}Config.java"))
  delete(new File(projectDir, '.env.example'))
  delete(new File(projectDir, 'context.md'))
  contextTemplates.each { delete(it) }
  sandboxTemplates.each { replace(it, new File(it.parentFile, it.name - '.sandbox')) }
  replace(new File(projectDir, 'pom-context.xml'), new File(projectDir, 'pom.xml'))
  replace(new File(projectDir, 'README-sandbox.md'), new File(projectDir, 'README.md'))
  delete(new File(projectDir, 'README-context.md'))
  replace(new File(projectDir, 'host-sandbox.yaml'), new File(projectDir, 'host.yaml'))
} else if (type == 'context') {
  delete(new File(main, "${classBase}Tools.java"))
  delete(new File(projectDir, '.env.example'))
  contextTemplates.each { replace(it, new File(it.parentFile, it.name - '.context')) }
  replace(new File(projectDir, 'pom-context.xml'), new File(projectDir, 'pom.xml'))
  replace(new File(projectDir, 'README-context.md'), new File(projectDir, 'README.md'))
} else if (type == 'interaction') {
  delete(new File(main, "${classBase}Tools.java"))
  delete(new File(projectDir, '.env.example'))
  delete(new File(projectDir, 'context.md'))
  contextTemplates.each { delete(it) }
  interactionTemplates.each { replace(it, new File(it.parentFile, it.name - '.interaction')) }
  replace(new File(projectDir, 'pom-interaction.xml'), new File(projectDir, 'pom.xml'))
  replace(new File(projectDir, 'README-interaction.md'), new File(projectDir, 'README.md'))
  replace(new File(projectDir, 'host-interaction.yaml'), new File(projectDir, 'host.yaml'))
  ['pom-context.xml', 'README-context.md'].each { delete(new File(projectDir, it)) }
} else {
  contextTemplates.each { delete(it) }
  delete(new File(main, "${classBase}Config.java"))
  ['pom-context.xml', 'README-context.md', 'host.yaml', 'context.md'].each { delete(new File(projectDir, it)) }
  dropTestResources()
}
