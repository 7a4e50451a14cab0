import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AccessChanges } from '../auth/accessChanges.js';
import type { Config } from '../config.js';
import { ControlBus, type ControlTransport } from './controlBus.js';
import { PostgresControlTransport } from './postgresControlTransport.js';
import { RedisControlTransport } from './redisControlTransport.js';
import { relayAccessChanges } from './relayAccessChanges.js';

/** What a node of the multi-node mode shares with the others, beside the store. */
export interface ClusterLink {
  /** Unique per process start: the configured NODE_ID (or the host name) and a random suffix. */
  nodeId: string;
  bus: ControlBus;
  /** For the rate limits' Redis store; null without REDIS_URL. */
  redis: Redis | null;
  /** Namespace of channels and Redis keys: the schema, so clusters sharing services stay apart. */
  namespace: string;
  close(): Promise<void>;
}

/**
 * Joins this node to the cluster of its DATABASE_URL: the control channel (Redis, then PostgreSQL
 * LISTEN/NOTIFY) carrying access changes to the other nodes' sockets, and the Redis connection the
 * rate limits count in. Neither service being down stops the node: see ControlBus and Limits.
 */
export async function joinCluster(
  config: Pick<Config, 'DATABASE_URL' | 'DATABASE_SCHEMA' | 'REDIS_URL' | 'NODE_ID'>,
  access: AccessChanges,
  log: Logger,
): Promise<ClusterLink> {
  if (!config.DATABASE_URL) throw new Error('the multi-node mode needs DATABASE_URL');
  const namespace = config.DATABASE_SCHEMA ?? '';
  const nodeId = `${config.NODE_ID ?? hostname()}-${randomBytes(4).toString('hex')}`;
  const transports: ControlTransport[] = [];
  let redis: Redis | null = null;
  if (config.REDIS_URL) {
    transports.push(new RedisControlTransport(config.REDIS_URL, namespace));
    redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    // Failures show as limits counted per node (the insurance limiter); an unhandled 'error' would crash.
    redis.on('error', () => undefined);
  }
  transports.push(new PostgresControlTransport(config.DATABASE_URL, namespace));
  const bus = new ControlBus(nodeId, transports, log);
  await bus.start();
  relayAccessChanges(access, bus);
  return {
    nodeId,
    bus,
    redis,
    namespace,
    async close() {
      await bus.close();
      redis?.disconnect();
    },
  };
}
