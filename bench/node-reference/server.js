// A plain Node.js server of the part of Muster's contract muster-bench-presence exercises:
// session.resume and presence.set, and the presence.changed push to the caller's organisation.
// One process, the `ws` package, `pg` with a pool of four, nothing clever — the reference the
// wire issue measures muster-server against, on the same database and with the same load tool.
// Usage: node server.js '<libpq-style host directory>' ; prints "listening on 127.0.0.1:PORT".
'use strict';
const crypto = require('crypto');
const { WebSocketServer } = require('ws');
const { Pool } = require('pg');

const pool = new Pool({ host: process.argv[2], port: 5432, user: 'muster', database: 'muster', max: 4 });
const byOrganisation = new Map(); // organisation id -> Set of sockets

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/ws', maxPayload: 1024 * 1024 });
wss.on('listening', () => console.log(`listening on 127.0.0.1:${wss.address().port}`));

function reply(ws, id, result) { ws.send(JSON.stringify({ jsonrpc: '2.0', id, result })); }
function fail(ws, id, reason) {
  ws.send(JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32000, message: reason, data: { reason } } }));
}

wss.on('connection', (ws) => {
  ws.caller = null;
  ws.on('close', () => {
    if (ws.caller) byOrganisation.get(ws.caller.organisationId)?.delete(ws);
  });
  ws.on('message', async (data, isBinary) => {
    let message;
    try { message = JSON.parse(data.toString()); } catch { return fail(ws, null, 'parse_error'); }
    const { id, method, params = {} } = message;
    try {
      if (method === 'session.resume') {
        const hash = crypto.createHash('sha256').update(String(params.token)).digest();
        const r = await pool.query(
          'SELECT s.id, u.id AS user_id, u.organisation_id, u.display_name FROM sessions s' +
          ' JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.revoked_at IS NULL' +
          ' AND s.expires_at > now()', [hash]);
        if (r.rows.length === 0) return fail(ws, id, 'session_expired');
        const row = r.rows[0];
        ws.caller = { userId: row.user_id, organisationId: row.organisation_id };
        if (!byOrganisation.has(row.organisation_id)) byOrganisation.set(row.organisation_id, new Set());
        byOrganisation.get(row.organisation_id).add(ws);
        return reply(ws, id, { user: { id: row.user_id, displayName: row.display_name } });
      }
      if (!ws.caller) return fail(ws, id, 'unauthenticated');
      if (method === 'presence.set') {
        const r = await pool.query(
          'UPDATE users SET state_id = $1, status_message = $2, state_since = now()' +
          ' WHERE id = $3 AND organisation_id = $4 AND EXISTS (SELECT 1 FROM states' +
          ' WHERE id = $1 AND organisation_id = $4) RETURNING state_since',
          [params.stateId, params.message || '', ws.caller.userId, ws.caller.organisationId]);
        if (r.rows.length === 0) return fail(ws, id, 'not_found');
        reply(ws, id, { ok: true });
        const push = JSON.stringify({ jsonrpc: '2.0', method: 'presence.changed', params: {
          userId: ws.caller.userId, stateId: params.stateId, message: params.message || '',
          since: r.rows[0].state_since.toISOString() } });
        for (const peer of byOrganisation.get(ws.caller.organisationId)) peer.send(push);
        return;
      }
      fail(ws, id, 'method_not_found');
    } catch (e) {
      fail(ws, id, 'unavailable');
    }
  });
});
