FROM node:20
WORKDIR /app
COPY . .
RUN npm ci
# slipway-expect: SLW-DF-015
RUN npm run build
CMD ["node", "dist/main.js"]
