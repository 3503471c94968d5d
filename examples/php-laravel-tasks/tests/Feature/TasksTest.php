<?php

namespace Tests\Feature;

use Tests\TestCase;

class TasksTest extends TestCase
{
    public function test_the_health_route_answers(): void
    {
        $this->get('/up')->assertOk();
    }
}
