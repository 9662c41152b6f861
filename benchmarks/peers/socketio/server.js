// The peer: a minimal socket.io signaling relay with @socket.io/redis-adapter, run as two processes so every
// message crosses Redis, exactly like Parley's two signaling instances in the same benchmark.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';

const port = Number(process.env.PORT || 9101);
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

const pub = createClient({ url: redisUrl });
const sub = pub.duplicate();
await Promise.all([pub.connect(), sub.connect()]);

const io = new Server(createServer().listen(port, '127.0.0.1'), {
  adapter: createAdapter(pub, sub),
  transports: ['websocket'],
});
io.on('connection', (socket) => {
  const id = String(socket.handshake.query.id);
  socket.join(id);
  socket.on('relay', (message) => io.to(message.to).emit('relay', { from: id, sdp: message.sdp }));
});
console.log(`socket.io peer listening on ${port}`);
