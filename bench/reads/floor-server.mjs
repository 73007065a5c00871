// The floor of the reads benchmark: each query is one prepared SQL statement that builds the
// whole `data` object as JSON in PostgreSQL, behind a bare node:http handler.
//   DATABASE_URL=… PORT=… FLOOR_QUERIES=<json file: array of SQL> node floor-server.mjs
// GET /q/<index>[?after=<base64url JSON [updatedAt, id]>]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import pg from 'pg';

const statements = JSON.parse(readFileSync(process.env.FLOOR_QUERIES, 'utf8'));
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://floor');
    const i = Number(url.pathname.split('/')[2]);
    if (!(i in statements)) {
      res.writeHead(404).end();
      return;
    }
    const after = url.searchParams.get('after');
    const values = after ? JSON.parse(Buffer.from(after, 'base64url').toString()) : [null, null];
    const { rows } = await pool.query({ name: `q${i}`, text: `select data::text as data from (${statements[i]}) f`, values });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(`{"data":${rows[0].data}}`);
  } catch (e) {
    console.error(e);
    res.writeHead(500).end();
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('floor ready'));
const stop = async () => {
  server.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
