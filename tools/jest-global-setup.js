// Probes the machine services once per run; suites read TESSERA_SERVICES at collection time to
// run, skip with a printed reason, or (under CI=true) fail.
const net = require('node:net');

const probe = (host, port) =>
  new Promise((resolve) => {
    const socket = net.createConnection({ host, port });
    const done = (ok) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

module.exports = async () => {
  const services = { redis: ['127.0.0.1', 6379], mosquitto: ['127.0.0.1', 1883] };
  const up = [];
  for (const [name, [host, port]] of Object.entries(services)) {
    if (await probe(host, port)) up.push(name);
  }
  process.env.TESSERA_SERVICES = up.join(',');
};
