/** @type {import('next').NextConfig} */
const nextConfig = {
  // A self-contained server in .next/standalone: what the container runs.
  output: 'standalone',
};

export default nextConfig;
