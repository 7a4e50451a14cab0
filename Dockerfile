# Accord, one node. The embedded default (SQLite in /data) or, with DATABASE_URL/REDIS_URL set,
# one node of a cluster (compose.yaml). Fonts are those the PDF export embeds (PDF_FONTS).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends python3 g++ make && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends fonts-dejavu-core fonts-dejavu-extra fonts-noto-core fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 DATA_DIR=/data
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./
VOLUME /data
EXPOSE 8080
USER node
CMD ["node", "--enable-source-maps", "dist/server/main.js"]
