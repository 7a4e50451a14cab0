import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/closeCodes.js';
import { encodeSyncUpdate } from '../../shared/protocol/frames.js';
import { clauseString, clauseText } from '../support/draftPaths.js';
import { RawClient } from '../support/rawClient.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

describe('bad input closes only the offending connection', () => {
  let server: TestServer;
  let docId: string;
  let url: string;
  let bystander: RawClient;
  let stateBefore: Uint8Array;

  beforeEach(async () => {
    server = await startTestServer({ env: { MAX_MESSAGE_BYTES: 64 * 1024 } });
    docId = await server.createDoc();
    url = `${server.wsUrl}/${docId}?token=${ADMIN_TOKEN}`;
    bystander = await RawClient.synced(url);
    const room = await server.accord.services.rooms.get(docId);
    stateBefore = Y.encodeStateAsUpdate(room.doc);
  });
  afterEach(async () => {
    bystander.close();
    await server.stop();
    removeDir(server.dataDir);
  });

  async function expectUnchangedAndBystanderStillSyncs(): Promise<void> {
    const room = await server.accord.services.rooms.get(docId);
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(stateBefore);
    expect(bystander.isOpen).toBe(true);
    // The bystander still edits and another client still receives it.
    const other = await RawClient.synced(url);
    const before = Y.encodeStateVector(bystander.doc);
    clauseText(bystander.doc).insert(0, 'still here');
    bystander.send(encodeSyncUpdate(Y.encodeStateAsUpdate(bystander.doc, before)));
    await other.until(() => clauseString(other.doc) === 'still here', 'other client to receive');
    other.close();
  }

  it('garbage bytes close with 4400 and a reason', async () => {
    const attacker = await RawClient.connect(url);
    attacker.send(new Uint8Array([0xff, 0xfe, 0xfd, 0x00, 0x13, 0x37]));
    expect(await attacker.closed()).toBe(CloseCode.badMessage);
    expect(attacker.closeReason).toMatch(/malformed/);
    await expectUnchangedAndBystanderStillSyncs();
  });

  it('a truncated update closes with 4400 and applies nothing', async () => {
    const donor = new Y.Doc();
    donor.getXmlFragment('default').insert(0, [new Y.XmlText('this would be appended to the root')]);
    const update = Y.encodeStateAsUpdate(donor);
    const frame = encodeSyncUpdate(update);
    const attacker = await RawClient.connect(url);
    attacker.send(frame.slice(0, frame.length - 7));
    expect(await attacker.closed()).toBe(CloseCode.badMessage);
    await expectUnchangedAndBystanderStillSyncs();
  });

  it('an update whose payload is cut short but well framed closes with 4400', async () => {
    const donor = new Y.Doc();
    donor.getXmlFragment('default').insert(0, [new Y.XmlText('x'.repeat(100))]);
    const update = Y.encodeStateAsUpdate(donor);
    const attacker = await RawClient.connect(url);
    attacker.send(encodeSyncUpdate(update.slice(0, update.length - 20)));
    expect(await attacker.closed()).toBe(CloseCode.badMessage);
    await expectUnchangedAndBystanderStillSyncs();
  });

  it('an unknown message type closes with 4400', async () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 42);
    encoding.writeVarString(e, 'hello');
    const attacker = await RawClient.connect(url);
    attacker.send(encoding.toUint8Array(e));
    expect(await attacker.closed()).toBe(CloseCode.badMessage);
    expect(attacker.closeReason).toMatch(/unknown message type 42/);
    await expectUnchangedAndBystanderStillSyncs();
  });

  it('a frame over MAX_MESSAGE_BYTES closes with 1009', async () => {
    const attacker = await RawClient.connect(url);
    attacker.send(new Uint8Array(65 * 1024));
    expect(await attacker.closed()).toBe(CloseCode.messageTooBig);
    await expectUnchangedAndBystanderStillSyncs();
  });

  it('a text frame closes with 4400', async () => {
    const attacker = await RawClient.connect(url);
    attacker.ws.send('{"type":"sync"}');
    expect(await attacker.closed()).toBe(CloseCode.badMessage);
    await expectUnchangedAndBystanderStillSyncs();
  });
});
