import { createRoot } from 'react-dom/client';
import { Button } from '@acme/ui';
createRoot(document.getElementById('root')).render(<Button>Count</Button>);
