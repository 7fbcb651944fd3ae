def log = new File(basedir, 'build.log').getText('UTF-8')
def failure = log.indexOf('BUILD FAILURE')
assert failure >= 0: 'archetype:generate must fail'
def outcome = log.substring(failure)
assert outcome.contains('atomemo4j-archetype: type "action" is not yet available: it comes with a later part of ' +
    'atomemo4j; the types available now are tool, context, sandbox, interaction, datasource (e.g. -Dtype=context)')
assert !(outcome =~ /(?m)^\s+at [a-z]/): 'the failure is one message, not a stack trace'
assert !new File(basedir, 'my-action').exists(): 'nothing generated is left behind'
