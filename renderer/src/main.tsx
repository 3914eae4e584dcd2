import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/ApiContext';
import { resolveApi } from './api/api';
import { App } from './app/App';
import './styles/theme.css';

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
createRoot(root).render(
  <StrictMode>
    <ApiProvider api={resolveApi()}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
