def log = new File(basedir, 'build.log').getText('UTF-8')
def failure = log.indexOf('BUILD FAILURE')
assert failure >= 0: 'archetype:generate must fail'
def outcome = log.substring(failure)
assert outcome.contains('[ERROR] Failed to execute goal org.apache.maven.plugins:maven-archetype-plugin:')
assert outcome.contains('atomemo4j-archetype: name "my__plugin" is not a valid plugin name: it has two of `_`/`-` in ' +
    'a row (the Hub uses `__` to separate the name from the version)')
assert !(outcome =~ /(?m)^\s+at [a-z]/): 'the failure is one message, not a stack trace'
assert !new File(basedir, 'my__plugin').exists(): 'nothing generated is left behind'
