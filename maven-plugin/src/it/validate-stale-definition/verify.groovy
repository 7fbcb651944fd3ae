def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[atomemo4j:stale-definition]')
assert log.contains('is not the definition this build generates (it differs in more than author and e-mail); run `mvn atomemo4j:export`')
