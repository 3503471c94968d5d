<?php

namespace App\Http\Controllers;

use Illuminate\Support\Facades\DB;

class TaskController
{
    public function index()
    {
        return DB::table('tasks')->orderBy('due_on')->limit(50)->get();
    }
}
