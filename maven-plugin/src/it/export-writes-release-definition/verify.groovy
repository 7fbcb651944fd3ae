import groovy.json.JsonSlurper
def file = new File(basedir, 'definition.json')
assert file.isFile(): 'export wrote definition.json at the module root'
def definition = new JsonSlurper().parse(file)
assert definition.name == 'it-echo'
assert definition.author == 'Ada Lovelace'
assert definition.email == 'ada@example.com'
assert definition.version == '1.2.0'
assert definition.lang == 'typescript'
assert !file.getText('UTF-8').endsWith('\n'): 'the official SDK writes no final newline'
def generated = new JsonSlurper().parse(new File(basedir, 'target/classes/META-INF/atomemo4j/it-echo/definition.json'))
generated.author = definition.author
generated.email = definition.email
assert generated == definition: 'the release file is the generated definition with the publisher filled in'
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('matches the generated definition and is ready for release (Ada Lovelace <ada@example.com>)')
