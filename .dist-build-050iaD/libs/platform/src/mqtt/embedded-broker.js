"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get EmbeddedMqttBroker () {
        return EmbeddedMqttBroker;
    },
    get MAX_PACKET_BYTES () {
        return MAX_PACKET_BYTES;
    },
    get packetSizeGuard () {
        return packetSizeGuard;
    }
});
const _common = require("@nestjs/common");
const _aedes = require("aedes");
const _nodecrypto = require("node:crypto");
const _nodenet = require("node:net");
const _nodestream = require("node:stream");
const _contracts = require("../../../contracts/src");
const _promclient = require("prom-client");
/** The prefix of client ids only Tessera's own clients may use (a device taking one would log Tessera's client out). */ const INTERNAL_CLIENT_PREFIX = 'tessera-';
const refusal = (message, returnCode)=>Object.assign(new Error(message), {
        returnCode
    });
// MQTT 3.1.1 CONNACK return codes (aedes's AuthErrorCode is a const enum, which swc cannot inline).
const IDENTIFIER_REJECTED = 2;
const SERVER_UNAVAILABLE = 3;
const BAD_USERNAME_OR_PASSWORD = 4;
const noop = ()=>undefined;
const digest = (value)=>(0, _nodecrypto.createHash)('sha256').update(value).digest();
/** Compares digests of equal length, so that neither the content nor the length of the secret leaks through timing. */ const sameSecret = (given, expected)=>given !== undefined && (0, _nodecrypto.timingSafeEqual)(digest(given), digest(expected));
const MAX_PACKET_BYTES = 256 * 1024;
const packetSizeGuard = (limit)=>{
    let toSkip = 0;
    let header = [];
    return (chunk)=>{
        let i = 0;
        while(i < chunk.length){
            if (toSkip > 0) {
                const skipped = Math.min(toSkip, chunk.length - i);
                i += skipped;
                toSkip -= skipped;
                continue;
            }
            header.push(chunk[i++]);
            if (header.length === 1) continue;
            if (header[header.length - 1] & 0x80) {
                if (header.length === 5) return false; // a remaining length is four bytes at most
                continue;
            }
            let remaining = 0;
            for(let k = header.length - 1; k >= 1; k--)remaining = remaining * 128 + (header[k] & 0x7f);
            header = [];
            if (remaining > limit) return false;
            toSkip = remaining;
        }
        return true;
    };
};
/** Two connected in-memory duplex streams: what one writes, the other reads. */ const streamPair = ()=>{
    const ends = [];
    const end = (other)=>new _nodestream.Duplex({
            read () {},
            write (chunk, _encoding, callback) {
                other().push(chunk);
                callback();
            },
            final (callback) {
                other().push(null);
                callback();
            },
            destroy (error, callback) {
                const peer = other();
                if (!peer.destroyed) peer.destroy();
                callback(error);
            }
        });
    ends.push(end(()=>ends[1]), end(()=>ends[0]));
    return [
        ends[0],
        ends[1]
    ];
};
let EmbeddedMqttBroker = class EmbeddedMqttBroker {
    constructor(options){
        this.options = options;
        /** The credential of this process's own client; never leaves the process. */ this.internal = {
            username: `${INTERNAL_CLIENT_PREFIX}internal-${(0, _nodecrypto.randomUUID)()}`,
            password: (0, _nodecrypto.randomBytes)(32).toString('base64url')
        };
        this.principals = new WeakMap();
        this.id = (0, _nodecrypto.randomUUID)();
        this.expiring = new Map();
        /** In-process consumers (`consume`), subscribed again on every `start()`. */ this.consumers = new Set();
        this.consuming = 0;
        this.awaitingRoom = [];
        this.logger = options.logger ?? new _common.Logger('MqttBroker');
        if (!options.metrics.registry.getSingleMetric('tessera_mqtt_broker_clients')) {
            const broker = ()=>this.aedes;
            new _promclient.Gauge({
                name: 'tessera_mqtt_broker_clients',
                help: 'Clients connected to the embedded MQTT broker',
                registers: [
                    options.metrics.registry
                ],
                collect () {
                    this.set(broker()?.connectedClients ?? 0);
                }
            });
        }
    }
    /**
   * Starts the broker and tries to listen. A port in use (or any listen failure) is logged in
   * one line and shown by `state()`: it never throws, so start-up goes on.
   */ async start() {
        const aedes = await _aedes.Aedes.createBroker(this.aedesOptions());
        this.persistence = aedes.persistence;
        this.aedes = aedes;
        // aedes keeps queueing QoS 1 messages for an offline persistent session for ever, in memory:
        // a subscriber that went away for good would grow the process without bound.
        aedes.on('clientDisconnect', (client)=>{
            if (client.clean || this.principals.get(client)?.kind === 'internal') return;
            this.cancelExpiry(client.id);
            const timer = setTimeout(()=>{
                this.expiring.delete(client.id);
                void this.persistence.cleanSubscriptions({
                    id: client.id
                });
            }, this.options.offlineSessionExpiryMs ?? 3_600_000);
            timer.unref();
            this.expiring.set(client.id, timer);
        });
        aedes.on('client', (client)=>this.cancelExpiry(client.id));
        for (const { filter, deliver } of this.consumers)aedes.subscribe(filter, deliver, noop);
        const server = (0, _nodenet.createServer)((socket)=>{
            const withinLimit = packetSizeGuard(MAX_PACKET_BYTES);
            // aedes reads with read(), which emits 'data' too: this sees every byte it gets, without
            // changing how it reads.
            socket.on('data', (chunk)=>{
                if (!withinLimit(chunk)) socket.destroy();
            });
            aedes.handle(socket);
        });
        try {
            await new Promise((resolve, reject)=>{
                server.once('error', reject);
                server.listen({
                    host: this.options.host,
                    port: this.options.port
                }, ()=>(server.off('error', reject), resolve()));
            });
            server.on('error', (error)=>this.logger.error(`MQTT broker: ${error.message}`));
            this.server = server;
            this.listeningOn = server.address();
            this.error = undefined;
            this.logger.log(`embedded MQTT broker listening on ${this.options.host}:${this.listeningOn.port}`);
        } catch (error) {
            const code = error.code;
            this.error = code === 'EADDRINUSE' ? `cannot listen on ${this.options.host}:${this.options.port}: the port is already in use (EADDRINUSE); devices and integrations cannot connect until MQTT_PORT names a free port` : `cannot listen on ${this.options.host}:${this.options.port}: ${error.message}`;
            this.logger.warn(`embedded MQTT broker ${this.error}`);
        }
    }
    cancelExpiry(clientId) {
        clearTimeout(this.expiring.get(clientId));
        this.expiring.delete(clientId);
    }
    /** Stops listening and disconnects every client; what is retained or queued for sessions stays for `start()`. */ async stop() {
        const { aedes, server } = this;
        this.aedes = undefined;
        this.server = undefined;
        this.listeningOn = undefined;
        const closing = server ? new Promise((resolve)=>server.close(()=>resolve())) : Promise.resolve();
        if (aedes) await new Promise((resolve)=>aedes.close(()=>resolve()));
        await closing;
    }
    /** `stop()` then `start()` on the same port, keeping sessions and retained messages: a broker restart. */ async restart() {
        const port = this.listeningOn?.port;
        await this.stop();
        if (port !== undefined) this.options.port = port;
        await this.start();
    }
    state() {
        return {
            listening: this.listeningOn !== undefined,
            host: this.options.host,
            port: this.listeningOn?.port ?? this.options.port,
            clients: this.aedes?.connectedClients ?? 0,
            ...this.error ? {
                error: this.error
            } : {}
        };
    }
    /**
   * Delivers every message published on `filter` to `consumer` inside the broker, without a client:
   * no second MQTT hop (encode, an in-process stream, decode, PUBACK) per message, which the
   * profile of bench:telemetry showed costing more than the telemetry rules. Backpressure as in
   * MqttConnection.consume: aedes's delivery completes (and the publisher's PUBACK goes out) at
   * once while fewer than `inFlight` are being worked on, else when one finishes. Survives `restart()`.
   */ consume(filter, consumer, inFlight = 1000) {
        const deliver = (packet, callback)=>{
            this.consuming += 1;
            consumer(packet.topic, Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload)).catch((error)=>this.logger.error(`consumer of ${filter} failed: ${error instanceof Error ? error.message : String(error)}`)).finally(()=>{
                this.consuming -= 1;
                if (this.consuming < inFlight) this.awaitingRoom.shift()?.();
            });
            if (this.consuming < inFlight) callback();
            else this.awaitingRoom.push(callback);
        };
        const entry = {
            filter,
            deliver
        };
        this.consumers.add(entry);
        this.aedes?.subscribe(filter, deliver, noop);
        return {
            close: async ()=>{
                this.consumers.delete(entry);
                const aedes = this.aedes;
                if (aedes) await new Promise((resolve)=>aedes.unsubscribe(filter, deliver, ()=>resolve()));
            }
        };
    }
    /** A connection to the broker inside this process (for this process's own client). */ connectInProcess() {
        const [client, broker] = streamPair();
        if (this.aedes) this.aedes.handle(broker);
        else process.nextTick(()=>client.destroy(new Error('the embedded MQTT broker is not running')));
        return client;
    }
    aedesOptions() {
        return {
            id: this.id,
            ...this.persistence ? {
                persistence: this.persistence
            } : {},
            // A subscriber that stops reading is cut off after 30 s rather than stalling every other.
            drainTimeout: 30_000,
            authenticate: (client, username, password, done)=>{
                this.authenticate(client, username, password).then((principal)=>(this.principals.set(client, principal), done(null, true)), (error)=>done(error, false));
            },
            authorizePublish: (client, packet, done)=>{
                // No client: aedes publishing the will of a connection it no longer knows (one from before
                // a restart). Whose it was cannot be checked, so it goes nowhere.
                const principal = client ? this.principals.get(client) : undefined;
                if (!principal || !this.mayPublish(principal, packet.topic)) return done(new Error(`not allowed to publish to ${packet.topic}`));
                // A reading is a happening, not a state: a retained one would reach the ingest again as new.
                if (principal.kind === 'device') packet.retain = false;
                done(null);
            },
            authorizeSubscribe: (client, subscription, done)=>{
                const principal = this.principals.get(client);
                done(null, principal && this.maySubscribe(principal, subscription.topic) ? subscription : null);
            }
        };
    }
    async authenticate(client, username, password) {
        if (!username) throw refusal('a username and password are required', BAD_USERNAME_OR_PASSWORD);
        if (username === this.internal.username) {
            if (!sameSecret(password, this.internal.password)) throw refusal('bad username or password', BAD_USERNAME_OR_PASSWORD);
            return {
                kind: 'internal'
            };
        }
        if (client.id.startsWith(INTERNAL_CLIENT_PREFIX)) throw refusal(`client ids starting with ${INTERNAL_CLIENT_PREFIX} are Tessera's own`, IDENTIFIER_REJECTED);
        const { integration } = this.options;
        if (integration && username === integration.username) {
            if (!sameSecret(password, integration.password)) throw refusal('bad username or password', BAD_USERNAME_OR_PASSWORD);
            // Its client ids carry its name, so that it cannot take (and log out) a device's session.
            if (client.id !== username && !client.id.startsWith(`${username}-`)) {
                throw refusal(`the integration user's client ids are "${username}" or start with "${username}-"`, IDENTIFIER_REJECTED);
            }
            return {
                kind: 'integration',
                username
            };
        }
        let device;
        try {
            device = await this.options.credentials.verifyDevice(username, password?.toString('utf8') ?? '');
        } catch (error) {
            this.logger.error(`device key check failed: ${error instanceof Error ? error.message : String(error)}`);
            throw refusal('device keys cannot be checked now', SERVER_UNAVAILABLE);
        }
        if (!device) throw refusal('bad username or password', BAD_USERNAME_OR_PASSWORD);
        // A device may not take another client's id, and with it the other's connection: its id is
        // its own (a prefix would not do: device `gate` could take `gate-1`).
        if (client.id !== device.deviceId) throw refusal(`a device's client id is its device id`, IDENTIFIER_REJECTED);
        return {
            kind: 'device',
            ...device
        };
    }
    mayPublish(principal, topic) {
        switch(principal.kind){
            case 'internal':
                return true;
            case 'integration':
                return false;
            case 'device':
                return topic === _contracts.mqttTopics.deviceTelemetry(principal);
        }
    }
    maySubscribe(principal, filter) {
        switch(principal.kind){
            case 'internal':
                return true;
            case 'integration':
                return filter === `${_contracts.TESSERA_TOPIC_ROOT}/#` || filter.startsWith(`${_contracts.TESSERA_TOPIC_ROOT}/`);
            case 'device':
                return false;
        }
    }
};

//# sourceMappingURL=embedded-broker.js.map