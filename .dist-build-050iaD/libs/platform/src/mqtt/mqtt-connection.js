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
    get MqttConnection () {
        return MqttConnection;
    },
    get MqttPublishTimeoutError () {
        return MqttPublishTimeoutError;
    },
    get topicMatches () {
        return topicMatches;
    },
    get withoutCredentials () {
        return withoutCredentials;
    }
});
const _common = require("@nestjs/common");
const _nodecrypto = require("node:crypto");
const _mqtt = require("mqtt");
const _promclient = require("prom-client");
let MqttPublishTimeoutError = class MqttPublishTimeoutError extends Error {
    constructor(topic, ms){
        super(`no PUBACK for ${topic} within ${ms} ms`);
        this.name = 'MqttPublishTimeoutError';
    }
};
const withoutCredentials = (url)=>{
    try {
        const parsed = new URL(url);
        parsed.username = '';
        parsed.password = '';
        return parsed.toString().replace(/\/$/, '');
    } catch  {
        return '(unparseable URL)';
    }
};
const gaugeOf = (metrics, name, help)=>metrics.registry.getSingleMetric(name) ?? new _promclient.Gauge({
        name,
        help,
        registers: [
            metrics.registry
        ]
    });
let MqttConnection = class MqttConnection {
    constructor(options){
        this.options = options;
        this.handlers = new Map();
        this.consumers = new Map();
        /** Messages handed to consumers and not yet through them, and the acknowledgements waiting for room. */ this.consuming = 0;
        this.awaitingRoom = [];
        this.closed = false;
        this.logger = options.logger ?? new _common.Logger('Mqtt');
        const { metrics } = options;
        this.published = metrics.counter('tessera_mqtt_messages_published_total', 'MQTT messages the broker acknowledged (PUBACK), by topic pattern', [
            'topic'
        ]);
        this.failed = metrics.counter('tessera_mqtt_publish_failures_total', 'MQTT publishes that failed or timed out, by topic pattern', [
            'topic'
        ]);
        const connected = gaugeOf(metrics, 'tessera_mqtt_connected', '1 while the MQTT client is connected to its broker');
        const common = {
            clientId: `tessera-${options.app}-${(0, _nodecrypto.randomUUID)().slice(0, 8)}`,
            protocolVersion: 4,
            // This client only publishes state and events and re-subscribes on reconnect: no session to keep.
            clean: true,
            reconnectPeriod: options.reconnectPeriodMs ?? 1000,
            connectTimeout: 10_000,
            keepalive: 30,
            resubscribe: true
        };
        const { target } = options;
        if ('url' in target) {
            this.broker = withoutCredentials(target.url);
            this.client = (0, _mqtt.connect)(target.url, common);
        } else {
            this.broker = 'embedded';
            this.client = new _mqtt.MqttClient(target.stream, {
                ...common,
                username: target.username,
                password: target.password
            });
        }
        this.client.on('connect', ()=>{
            connected.set(1);
            if (this.lastError) this.logger.log(`connected to the MQTT broker ${this.broker} again`);
            this.lastError = undefined;
        });
        this.client.on('close', ()=>connected.set(0));
        this.client.on('error', (error)=>{
            // mqtt.js retries on its own; log a failure once, not at every reconnect attempt.
            if (this.lastError !== error.message) this.logger.warn(`MQTT broker ${this.broker}: ${error.message}`);
            this.lastError = error.message;
        });
        this.client.on('offline', ()=>{
            if (!this.closed && !this.lastError) this.lastError = 'connection lost';
        });
        this.consumeLimit = options.consumeInFlight ?? 1000;
        // mqtt.js reads the next message only once handleMessage calls back (then it sends the PUBACK):
        // this is where consumers get their backpressure, after the 'message' handlers have run.
        this.client.handleMessage = (packet, done)=>this.handOver(packet.topic, packet.payload, ()=>done());
        this.client.on('message', (topic, payload)=>{
            for (const [filter, handlers] of this.handlers){
                if (!topicMatches(filter, topic)) continue;
                for (const handler of handlers){
                    try {
                        handler(topic, payload);
                    } catch (error) {
                        this.logger.error(`handler of ${filter} failed: ${error instanceof Error ? error.message : String(error)}`);
                    }
                }
            }
        });
    }
    state() {
        return {
            connected: this.client.connected,
            broker: this.broker,
            ...this.lastError ? {
                lastError: this.lastError
            } : {}
        };
    }
    /** Resolves once the client is connected (or rejects after `timeoutMs`). */ async connected(timeoutMs = 10_000) {
        if (this.client.connected) return;
        await new Promise((resolve, reject)=>{
            const timer = setTimeout(()=>(this.client.off('connect', onConnect), reject(new Error(`not connected to ${this.broker} within ${timeoutMs} ms`))), timeoutMs);
            const onConnect = ()=>(clearTimeout(timer), resolve());
            this.client.once('connect', onConnect);
        });
    }
    /**
   * Publishes at QoS 1, resolving on the broker's PUBACK; rejects with MqttPublishTimeoutError
   * after MQTT_PUBLISH_TIMEOUT_MS (the message stays queued in the client and may still go out).
   */ async publish(message) {
        const body = JSON.stringify(message.payload);
        const pattern = message.pattern;
        let timer;
        try {
            await Promise.race([
                this.client.publishAsync(message.topic, body, {
                    qos: 1,
                    retain: message.retain
                }),
                new Promise((_, reject)=>{
                    timer = setTimeout(()=>reject(new MqttPublishTimeoutError(message.topic, this.options.publishTimeoutMs)), this.options.publishTimeoutMs);
                })
            ]);
            this.published.inc({
                topic: pattern
            });
        } catch (error) {
            this.failed.inc({
                topic: pattern
            });
            throw error;
        } finally{
            clearTimeout(timer);
        }
    }
    /**
   * Subscribes `handler` to `filter` (wildcards allowed: `venues/+/devices/+/+/telemetry`) at
   * QoS 1; the subscription is renewed on every reconnect. Resolves once the broker granted it;
   * rejects when the broker refuses it. The handler is called synchronously for each message,
   * which is acknowledged once the handlers have returned: work it starts asynchronously is not
   * redelivered if it fails. The session is clean: what is published while this process is not
   * connected does not reach it (devices can post the same readings over HTTP).
   */ async subscribe(filter, handler) {
        const handlers = this.handlers.get(filter) ?? new Set();
        handlers.add(handler);
        this.handlers.set(filter, handlers);
        if (handlers.size === 1) {
            try {
                await this.client.subscribeAsync(filter, {
                    qos: 1
                });
            } catch (error) {
                this.handlers.delete(filter);
                throw new Error(`the MQTT broker ${this.broker} refused the subscription to ${filter}: ${error instanceof Error ? error.message : String(error)}`);
            }
        }
        return {
            close: async ()=>{
                handlers.delete(handler);
                if (handlers.size === 0 && this.handlers.get(filter) === handlers) {
                    this.handlers.delete(filter);
                    if (!this.closed) await this.client.unsubscribeAsync(filter).catch(()=>undefined);
                }
            }
        };
    }
    /**
   * Subscribes `consumer` to `filter` at QoS 1, as `subscribe` does, for work that takes time (the
   * telemetry ingest runs each reading through the rules). Waiting for each message to be done
   * before reading the next would handle one at a time, about a thousand a second; instead a
   * message is acknowledged as soon as it is handed over while fewer than `consumeInFlight` are
   * being worked on; beyond that the acknowledgement, and so the next message of this connection,
   * waits until one finishes. The broker's flow control then slows the publishers, and memory does
   * not fill up. The price: a crash loses the messages handed over and not yet done (at most
   * `consumeInFlight`). A consumer's failure is logged, and the message is not redelivered.
   */ async consume(filter, consumer) {
        const consumers = this.consumers.get(filter) ?? new Set();
        consumers.add(consumer);
        this.consumers.set(filter, consumers);
        // The broker delivers through one subscription per filter, whether to handlers or consumers.
        const subscription = await this.subscribe(filter, noop).catch((error)=>{
            consumers.delete(consumer);
            if (consumers.size === 0) this.consumers.delete(filter);
            throw error;
        });
        return {
            close: async ()=>{
                consumers.delete(consumer);
                if (consumers.size === 0 && this.consumers.get(filter) === consumers) this.consumers.delete(filter);
                await subscription.close();
            }
        };
    }
    handOver(topic, payload, acknowledge) {
        let handed = false;
        for (const [filter, consumers] of this.consumers){
            if (!topicMatches(filter, topic)) continue;
            const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
            for (const consumer of consumers){
                handed = true;
                this.consuming += 1;
                consumer(topic, body).catch((error)=>this.logger.error(`consumer of ${filter} failed: ${error instanceof Error ? error.message : String(error)}`)).finally(()=>{
                    this.consuming -= 1;
                    if (this.consuming < this.consumeLimit) this.awaitingRoom.shift()?.();
                });
            }
        }
        if (!handed || this.consuming < this.consumeLimit) acknowledge();
        else this.awaitingRoom.push(acknowledge);
    }
    /** Sends what is queued if the broker is there, then disconnects. */ async close() {
        if (this.closed) return;
        this.closed = true;
        await this.client.endAsync(!this.client.connected);
    }
};
const noop = ()=>undefined;
const topicMatches = (filter, topic)=>{
    const filterLevels = filter.split('/');
    const topicLevels = topic.split('/');
    for(let i = 0; i < filterLevels.length; i++){
        if (filterLevels[i] === '#') return i > 0 || !topic.startsWith('$');
        if (i >= topicLevels.length) return false;
        if (filterLevels[i] === '+') {
            if (i === 0 && topicLevels[0].startsWith('$')) return false;
            continue;
        }
        if (filterLevels[i] !== topicLevels[i]) return false;
    }
    return filterLevels.length === topicLevels.length;
};

//# sourceMappingURL=mqtt-connection.js.map