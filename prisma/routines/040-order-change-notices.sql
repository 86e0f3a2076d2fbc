-- Every app process keeps the status of the orders its readers poll in memory
-- (server/orders/order-status-cache.ts, ADR 009) and forgets an order when PostgreSQL says it
-- changed. Triggers, not application code, send the notice, so no writer can forget to: the
-- webhook's SQL functions, the worker, the owner's actions and another app instance alike.
-- NOTIFY is delivered at commit, and not at all on rollback.

CREATE OR REPLACE FUNCTION tollgate_notify_order_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tollgate_order_changed', NEW."id");
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "Order_notify_changed"
AFTER UPDATE ON "Order"
FOR EACH ROW
WHEN (
  OLD."status" IS DISTINCT FROM NEW."status"
  OR OLD."paidAt" IS DISTINCT FROM NEW."paidAt"
  OR OLD."expiresAt" IS DISTINCT FROM NEW."expiresAt"
  OR OLD."productId" IS DISTINCT FROM NEW."productId"
  OR OLD."readerId" IS DISTINCT FROM NEW."readerId"
)
EXECUTE FUNCTION tollgate_notify_order_changed();

-- A product's slug is part of every cached status of its orders: "*" makes listeners forget them all.
CREATE OR REPLACE FUNCTION tollgate_notify_product_slug_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tollgate_order_changed', '*');
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "Product_notify_slug_changed"
AFTER UPDATE OF "slug" ON "Product"
FOR EACH ROW
WHEN (OLD."slug" IS DISTINCT FROM NEW."slug")
EXECUTE FUNCTION tollgate_notify_product_slug_changed();
