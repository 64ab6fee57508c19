# One image for every Tessera app; APP chooses which entry point runs.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

# The gateway: nginx with deploy/nginx.conf and the built web app (docker compose builds this target).
FROM nginx:1.27-alpine AS gateway
COPY deploy/nginx.conf /etc/nginx/nginx.conf
COPY --from=build /app/dist/web /usr/share/nginx/html

FROM node:20-bookworm-slim
# glibc's malloc arenas: 2 rather than 8 a core, as npm start sets (bench/RESULTS.md, bench:memory).
ENV NODE_ENV=production APP=standalone MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
# Exec form through sh so APP is expanded and node still receives SIGTERM directly.
CMD ["sh", "-c", "exec node dist/apps/$APP/src/main.js"]
