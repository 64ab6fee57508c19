export { IncidentBoardPage } from './routes/incident-board';
export { MyIncidentsPage } from './routes/my-incidents';
