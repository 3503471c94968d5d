import postgres from 'postgres';
import { env } from '$env/dynamic/private';
export const sql = postgres(env.DATABASE_URL);
