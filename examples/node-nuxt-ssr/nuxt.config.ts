export default defineNuxtConfig({
  devtools: { enabled: true },
  runtimeConfig: { redisUrl: process.env.NUXT_REDIS_URL },
});
