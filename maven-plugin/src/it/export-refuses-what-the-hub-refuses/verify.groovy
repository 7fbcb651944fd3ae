def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("the Hub's release upload would refuse it-echo 1.0.0-SNAPSHOT; nothing was written")
assert log.contains('[atomemo4j:release-lang] lang is "java"')
assert log.contains('[atomemo4j:release-snapshot] version 1.0.0-SNAPSHOT is a Maven snapshot')
assert log.contains('[atomemo4j:release-author] author "root <root@dev.local>" is a machine account')
assert !new File(basedir, 'definition.json').exists(): 'nothing is written when the release would be refused'
