<?php
// Guestbook: the oldest page of the intranet. Reads its database settings from the environment.
$db = new mysqli(getenv('DB_HOST') ?: 'localhost', getenv('DB_USER'), getenv('DB_PASSWORD'), getenv('DB_NAME') ?: 'guestbook');
if ($_SERVER['REQUEST_METHOD'] === 'POST' && !empty($_POST['message'])) {
    $stmt = $db->prepare('INSERT INTO entries (message) VALUES (?)');
    $stmt->bind_param('s', $_POST['message']);
    $stmt->execute();
}
$entries = $db->query('SELECT message, created_at FROM entries ORDER BY created_at DESC LIMIT 20');
?>
<!doctype html>
<title>Guestbook</title>
<form method="post"><input name="message"><button>Sign</button></form>
<ul>
<?php while ($row = $entries->fetch_assoc()): ?>
  <li><?= htmlspecialchars($row['message']) ?> <small><?= $row['created_at'] ?></small></li>
<?php endwhile; ?>
</ul>
