import Redis from 'ioredis';
const redis = new Redis(useRuntimeConfig().redisUrl);
export default defineEventHandler(async () => ({ services: await redis.hgetall('status') }));
