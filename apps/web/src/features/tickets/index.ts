export { TicketsPage } from './routes/tickets';
