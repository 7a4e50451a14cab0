import { Redis } from 'ioredis';
import type { ControlTransport } from './controlBus.js';

/**
 * Control messages over Redis pub/sub: one connection publishes, a second one subscribes (a
 * subscribed connection can do nothing else). No offline queue: while Redis is down a publish
 * fails at once and the bus uses PostgreSQL; ioredis reconnects and resubscribes by itself.
 */
export class RedisControlTransport implements ControlTransport {
  readonly name = 'redis';
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly channel: string;

  /** `namespace`: clusters sharing one Redis (one per DATABASE_SCHEMA) do not hear each other. */
  constructor(url: string, namespace = '') {
    this.channel = namespace ? `accord:control:${namespace}` : 'accord:control';
    const options = {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: false,
      retryStrategy: (times: number) => Math.min(200 * times, 2000),
    };
    this.publisher = new Redis(url, options);
    this.subscriber = new Redis(url, { ...options, enableOfflineQueue: true });
    // Errors are reported through failed publishes and the bus's log; unhandled 'error' events would crash.
    this.publisher.on('error', () => undefined);
    this.subscriber.on('error', () => undefined);
  }

  async publish(raw: string): Promise<void> {
    await this.publisher.publish(this.channel, raw);
  }

  async subscribe(onRaw: (raw: string) => void): Promise<void> {
    this.subscriber.on('message', (channel: string, raw: string) => {
      if (channel === this.channel) onRaw(raw);
    });
    await this.subscriber.subscribe(this.channel);
  }

  async close(): Promise<void> {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
