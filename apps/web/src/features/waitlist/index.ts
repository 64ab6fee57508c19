export { MyWaitlistPage } from './routes/my-waitlist';
