import pg from 'pg';
import type { ControlTransport } from './controlBus.js';

/**
 * Control messages over PostgreSQL's LISTEN/NOTIFY: the fallback when Redis is down (PostgreSQL
 * is the store of record, so a node that cannot reach it cannot write anyway). One dedicated
 * connection listens and comes back by itself after an error; publishing is one `pg_notify`.
 */
export class PostgresControlTransport implements ControlTransport {
  readonly name = 'postgres';
  private listener: pg.Client | null = null;
  private onRaw: ((raw: string) => void) | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly pool: pg.Pool;
  private readonly channel: string;

  /** `namespace` (a plain lower-case name: DATABASE_SCHEMA): clusters sharing a database do not hear each other. */
  constructor(
    private readonly connectionString: string,
    namespace = '',
  ) {
    if (namespace && !/^[a-z_][a-z0-9_]*$/.test(namespace)) throw new Error(`Not a plain name: ${namespace}`);
    this.channel = namespace ? `accord_control_${namespace}` : 'accord_control';
    this.pool = new pg.Pool({ connectionString, max: 2, connectionTimeoutMillis: 2000 });
    this.pool.on('error', () => undefined);
  }

  async publish(raw: string): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, raw]);
  }

  async subscribe(onRaw: (raw: string) => void): Promise<void> {
    this.onRaw = onRaw;
    await this.listen();
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 2000 });
    const again = () => {
      if (this.listener === client) this.listener = null;
      client.end().catch(() => undefined);
      if (!this.closed && !this.retry)
        this.retry = setTimeout(() => {
          this.retry = null;
          this.listen().catch(() => undefined);
        }, 1000);
    };
    client.on('error', again);
    client.on('end', again);
    client.on('notification', (n) => {
      if (n.channel === this.channel && n.payload) this.onRaw?.(n.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      this.listener = client;
    } catch (err) {
      again();
      throw err;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
