import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clusterLayout } from '@/server/embedded/layout';
import { checkDataVersion, formattedWith, recordDataVersion } from '@/server/embedded/data-version';
import { EmbeddedKafkaError, javaMajor } from '@/server/embedded/prerequisites';
import {
  dataVersionConflict,
  kafkaRelease,
  loggingConfig,
  loggingFlag,
  missingJars,
  requiredJars,
} from '@/server/embedded/release';

// What changes with KAFKA_EMBEDDED_VERSION: logging library, jar check, and the refusal to
// start one release line on another's data.

const jars44 = [
  'kafka_2.13-4.4.0.jar',
  'kafka-tools-4.4.0.jar',
  'kafka-clients-4.4.0.jar',
  'kafka-streams-4.4.0.jar',
  'log4j-slf4j-impl-2.24.3.jar',
  'log4j-core-2.24.3.jar',
  'log4j-api-2.24.3.jar',
];

describe('Kafka release differences', () => {
  it('logs through log4j2 on Kafka 4 and reload4j on 3.x, each with its own flag', () => {
    assert.equal(kafkaRelease('4.4.0').logging, 'log4j2');
    assert.equal(kafkaRelease('3.9.2').logging, 'reload4j');
    assert.equal(
      loggingFlag('log4j2', '/k/config/log4j2.properties'),
      '-Dlog4j2.configurationFile=/k/config/log4j2.properties',
    );
    assert.equal(
      loggingFlag('reload4j', '/k/config/log4j.properties'),
      '-Dlog4j.configuration=file:/k/config/log4j.properties',
    );
  });

  it("sends broker logs to stdout at INFO and tool logs to stderr, in each library's syntax", () => {
    const broker2 = loggingConfig('log4j2', 'broker');
    assert.match(broker2, /^appender\.out\.target = SYSTEM_OUT$/m);
    assert.match(broker2, /^rootLogger\.level = INFO$/m);
    assert.match(broker2, /^logger\.q\d\.name = kafka\.request\.logger$/m);
    assert.match(loggingConfig('log4j2', 'tools'), /^appender\.out\.target = SYSTEM_ERR$/m);
    const broker1 = loggingConfig('reload4j', 'broker');
    assert.match(broker1, /^log4j\.rootLogger=INFO, out$/m);
    assert.match(broker1, /^log4j\.appender\.out\.Target=System\.out$/m);
    assert.match(loggingConfig('reload4j', 'tools'), /^log4j\.appender\.out\.Target=System\.err$/m);
  });

  it('accepts a lib folder only with the broker, tools and clients of exactly that release and a logging binding', () => {
    const r = kafkaRelease('4.4.0');
    assert.deepEqual(missingJars(r, jars44), []);
    assert.equal(
      missingJars(
        r,
        jars44.filter((j) => !j.startsWith('log4j-core')),
      ).length,
      1,
      'no logging: the broker would log nothing',
    );
    assert.equal(
      missingJars(
        r,
        jars44.map((j) => j.replace('4.4.0', '4.4.1')),
      ).length,
      4,
      'another release does not count',
    );
    assert.equal(
      missingJars(
        kafkaRelease('3.9.2'),
        jars44.map((j) => j.replace('4.4.0', '3.9.2')),
      ).length,
      2,
      '3.x needs reload4j',
    );
    assert.ok(
      requiredJars(kafkaRelease('4.4.0')).every((re) => !re.test('kafka_2.13-4.4.0Xjar')),
      'dots are literal',
    );
  });

  it('reads the major version of java -version, old and new banners', () => {
    assert.equal(javaMajor('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment'), 17);
    assert.equal(javaMajor('java version "1.8.0_402"'), 8);
    assert.equal(javaMajor('openjdk version "21" 2023-09-19'), 21);
    assert.equal(javaMajor('something else'), null);
  });
});

describe('switching release on an existing data folder', () => {
  it('lets releases of one line share data and refuses another line, saying exactly what to do', () => {
    assert.equal(dataVersionConflict('4.4.0', '4.4.1', '/k/data'), null);
    assert.equal(dataVersionConflict('3.9.2', '3.9.1', '/k/data'), null);
    for (const [had, wanted] of [
      ['3.9.2', '4.4.0'],
      ['4.4.0', '3.9.2'],
      ['4.3.1', '4.4.0'],
    ]) {
      const msg = dataVersionConflict(had, wanted, '/k/data');
      assert.ok(msg);
      assert.match(
        msg,
        new RegExp(`formatted by Kafka ${had.replace(/\./g, '\\.')}.*asks for Kafka ${wanted.replace(/\./g, '\\.')}`),
      );
      assert.match(msg, /delete \/k\/data for a fresh cluster/);
      assert.match(msg, /KAFKA_EMBEDDED_DIR/);
      assert.match(msg, new RegExp(`KAFKA_EMBEDDED_VERSION=${had.replace(/\./g, '\\.')}`));
    }
  });

  it('records the release in the data folder; data from before the record counts as 3.9.2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-live-version-'));
    try {
      const layout44 = clusterLayout({ basePort: 20000, dir, nodes: 3, version: '4.4.0' });
      const layout39 = clusterLayout({ basePort: 20000, dir, nodes: 3, version: '3.9.2' });
      assert.equal(formattedWith(layout44), null, 'nothing formatted: any release may start');
      checkDataVersion(layout44, false);

      fs.mkdirSync(layout39.nodes[0].dataDir, { recursive: true });
      fs.writeFileSync(path.join(layout39.nodes[0].dataDir, 'meta.properties'), 'version=1\n');
      assert.equal(formattedWith(layout44), '3.9.2', 'unrecorded data was formatted by the 3.9.2 dashboards');
      assert.throws(
        () => checkDataVersion(layout44, false),
        (e: unknown) => e instanceof EmbeddedKafkaError && e.message.includes(`delete ${layout44.dataDir}`),
      );
      assert.throws(() => checkDataVersion(layout44, true), /stop them first \(npm run kafka:stop\)/);
      checkDataVersion(layout39, false);

      recordDataVersion(layout44);
      assert.equal(fs.readFileSync(layout44.dataVersionFile, 'utf8'), '4.4.0\n');
      assert.throws(() => checkDataVersion(layout39, false), /formatted by Kafka 4\.4\.0.*asks for Kafka 3\.9\.2/s);
      checkDataVersion(clusterLayout({ basePort: 20000, dir, nodes: 3, version: '4.4.1' }), false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
