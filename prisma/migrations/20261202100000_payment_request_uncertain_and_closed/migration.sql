-- Two steps of an order's timeline (issue 15): a create call HandCash did not answer (the order is
-- then neither failed nor payable until the reconciler finds out whether HandCash made the request),
-- and the closing of an expired order's HandCash request.
ALTER TYPE "OrderEventType" ADD VALUE 'PAYMENT_REQUEST_UNCERTAIN';
ALTER TYPE "OrderEventType" ADD VALUE 'PAYMENT_REQUEST_CLOSED';
