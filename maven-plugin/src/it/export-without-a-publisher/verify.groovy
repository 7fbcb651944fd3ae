def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[atomemo4j:release-author] the release definition needs its publisher')
assert log.contains('you are not logged in to Atomemo on this machine')
assert !new File(basedir, 'definition.json').exists()
