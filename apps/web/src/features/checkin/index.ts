export { CheckInPage } from './routes/check-in';
