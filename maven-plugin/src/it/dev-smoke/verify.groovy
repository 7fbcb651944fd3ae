def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
assert log.contains('atomemo4j dev hub: inspector http://127.0.0.1:')
assert log.contains('atomemo4j: it-echo registered with the dev hub')
assert log.contains('atomemo4j: dev hub stopped')
assert !new File(basedir, 'definition.json').exists(): 'a debug run writes no release definition'
assert new File(basedir, '.atomemo4j-devhub/catalogue.json').isFile(): 'the hub kept what was registered'
