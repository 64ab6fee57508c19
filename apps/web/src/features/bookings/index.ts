export { BookingPage } from './routes/booking';
