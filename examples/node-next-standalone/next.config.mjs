/** @type {import('next').NextConfig} */
const nextConfig = {
  // output: 'export',   (tried for GitHub Pages, reverted: the contact form needs a server)
  output: 'standalone',
  poweredByHeader: false,
};

export default nextConfig;
