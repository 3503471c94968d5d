package store

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct{ pool *pgxpool.Pool }

type Order struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

func Open(ctx context.Context) (*Store, error) {
	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		return nil, err
	}
	return &Store{pool: pool}, nil
}

func (s *Store) Order(ctx context.Context, id string) (Order, error) {
	var o Order
	err := s.pool.QueryRow(ctx, "select id, status from orders where id = $1", id).Scan(&o.ID, &o.Status)
	return o, err
}

func (s *Store) Migrate(ctx context.Context) error {
	_, err := s.pool.Exec(ctx, "create table if not exists orders (id text primary key, status text not null)")
	return err
}
