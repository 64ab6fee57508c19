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
    get TELEMETRY_SOURCE () {
        return TELEMETRY_SOURCE;
    },
    get brokerTelemetrySource () {
        return brokerTelemetrySource;
    },
    get connectionTelemetrySource () {
        return connectionTelemetrySource;
    },
    get mqttTelemetrySource () {
        return mqttTelemetrySource;
    }
});
const TELEMETRY_SOURCE = Symbol('TelemetrySource');
const brokerTelemetrySource = (broker)=>({
        async subscribe (filter, handle) {
            const subscription = broker.consume(filter, (topic, payload)=>handle({
                    topic,
                    payload
                }));
            return ()=>subscription.close();
        }
    });
const connectionTelemetrySource = (connection)=>({
        async subscribe (filter, handle) {
            const subscription = await connection.consume(filter, (topic, payload)=>handle({
                    topic,
                    payload
                }));
            return ()=>subscription.close();
        }
    });
const mqttTelemetrySource = (client, options = {})=>({
        async subscribe (filter, handle) {
            const limit = options.inFlight ?? 1000;
            let inFlight = 0;
            const waiting = [];
            const previous = client.handleMessage.bind(client);
            client.handleMessage = (packet, done)=>{
                inFlight += 1;
                void handle({
                    topic: packet.topic,
                    payload: Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload)
                }).catch(()=>undefined).finally(()=>{
                    inFlight -= 1;
                    waiting.shift()?.();
                });
                if (inFlight < limit) done();
                else waiting.push(()=>done());
            };
            await client.subscribeAsync(filter, {
                qos: 1
            });
            return async ()=>{
                client.handleMessage = previous;
                await client.unsubscribeAsync(filter);
            };
        }
    });

//# sourceMappingURL=telemetry-source.js.map