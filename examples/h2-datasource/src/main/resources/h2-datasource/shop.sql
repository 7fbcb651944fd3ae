-- The shop's data set, run by ShopDatasource.initialize. Small on purpose: enough rows for joins, groupings and
-- the host's row limit to show.
CREATE TABLE customers (
  id INT PRIMARY KEY,
  name VARCHAR(80) NOT NULL,
  country CHAR(2) NOT NULL,
  joined DATE NOT NULL
);
CREATE TABLE products (
  id INT PRIMARY KEY,
  name VARCHAR(80) NOT NULL,
  category VARCHAR(40) NOT NULL,
  price DECIMAL(10,2) NOT NULL
);
CREATE TABLE orders (
  id INT PRIMARY KEY,
  customer_id INT NOT NULL REFERENCES customers(id),
  placed DATE NOT NULL,
  status VARCHAR(12) NOT NULL
);
CREATE TABLE order_items (
  order_id INT NOT NULL REFERENCES orders(id),
  product_id INT NOT NULL REFERENCES products(id),
  quantity INT NOT NULL,
  PRIMARY KEY (order_id, product_id)
);
-- Not an entity: the host's whitelist refuses every query that reads it.
CREATE TABLE staff_salaries (
  employee VARCHAR(80) PRIMARY KEY,
  salary DECIMAL(10,2) NOT NULL
);

INSERT INTO customers VALUES
  (1, 'Ada Lovelace', 'GB', DATE '2025-01-14'),
  (2, 'Grace Hopper', 'US', DATE '2025-02-03'),
  (3, 'Linus Torvalds', 'FI', DATE '2025-03-22'),
  (4, 'Barbara Liskov', 'US', DATE '2025-04-09'),
  (5, 'Edsger Dijkstra', 'NL', DATE '2025-05-30'),
  (6, 'Margaret Hamilton', 'US', DATE '2025-06-18'),
  (7, 'Tim Berners-Lee', 'GB', DATE '2025-08-01'),
  (8, 'Radia Perlman', 'US', DATE '2025-09-12');

INSERT INTO products VALUES
  (1, 'Mechanical keyboard', 'peripherals', 129.00),
  (2, 'Trackball', 'peripherals', 59.90),
  (3, '27" monitor', 'displays', 289.00),
  (4, 'USB-C dock', 'peripherals', 149.50),
  (5, 'Noise-cancelling headphones', 'audio', 199.00),
  (6, 'Standing desk', 'furniture', 499.00);

INSERT INTO orders VALUES
  (101, 1, DATE '2026-01-05', 'delivered'),
  (102, 2, DATE '2026-01-19', 'delivered'),
  (103, 1, DATE '2026-02-02', 'shipped'),
  (104, 3, DATE '2026-02-11', 'delivered'),
  (105, 4, DATE '2026-03-03', 'cancelled'),
  (106, 5, DATE '2026-03-17', 'delivered'),
  (107, 6, DATE '2026-04-08', 'shipped'),
  (108, 2, DATE '2026-04-21', 'placed'),
  (109, 7, DATE '2026-05-06', 'delivered'),
  (110, 8, DATE '2026-05-27', 'placed'),
  (111, 3, DATE '2026-06-10', 'shipped'),
  (112, 6, DATE '2026-06-29', 'delivered');

INSERT INTO order_items VALUES
  (101, 1, 1), (101, 2, 1),
  (102, 3, 2),
  (103, 5, 1),
  (104, 1, 1), (104, 4, 1),
  (105, 6, 1),
  (106, 2, 2), (106, 3, 1),
  (107, 6, 1), (107, 4, 1),
  (108, 5, 2),
  (109, 1, 3),
  (110, 3, 1), (110, 2, 1),
  (111, 4, 2),
  (112, 5, 1), (112, 1, 1);

INSERT INTO staff_salaries VALUES
  ('Store manager', 72000.00),
  ('Warehouse lead', 54000.00);
