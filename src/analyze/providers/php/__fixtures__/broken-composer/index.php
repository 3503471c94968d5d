<?php
echo getenv('GREETING') ?: 'hello';
