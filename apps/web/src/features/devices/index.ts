export { DeviceHealthPage } from './routes/device-health';
