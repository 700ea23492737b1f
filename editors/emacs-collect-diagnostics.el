;;; emacs-collect-diagnostics.el --- used by tests/editors/test_emacs.py  -*- lexical-binding: t -*-
;; Headless Emacs (--batch): do what an interactive start-up does (activate
;; the installed packages, such as Debian's elpa-eglot, then load the user's
;; init file $GWLINT_INIT), visit $GWLINT_DRAFT, let eglot connect, wait for
;; the Flymake diagnostics and write them to $GWLINT_OUT as
;; "line:column:text" (line 0-based, column in characters), the eglot
;; server's name to $GWLINT_OUT.server, then exit.
(require 'package)
(package-activate-all)                  ; an interactive start-up does this before init.el
(load (getenv "GWLINT_INIT") nil t)
(find-file (getenv "GWLINT_DRAFT"))
;; eglot-ensure connects after the next command; --batch runs no command loop
(run-hooks 'post-command-hook)
(let ((deadline (+ (float-time) 60)))
  (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
    (when (bound-and-true-p flymake-mode) (flymake-start))
    (accept-process-output nil 0.2)))
(let ((rows (mapcar (lambda (d)
                      (save-excursion
                        (goto-char (flymake-diagnostic-beg d))
                        (format "%d:%d:%s" (1- (line-number-at-pos)) (- (point) (line-beginning-position))
                                (replace-regexp-in-string "\n" " " (flymake-diagnostic-text d)))))
                    (flymake-diagnostics)))
      (server (and (fboundp 'eglot-current-server) (eglot-current-server))))
  (with-temp-file (concat (getenv "GWLINT_OUT") ".server")
    (insert (if server (format "%s" (process-command (jsonrpc--process server))) "")))
  (with-temp-file (getenv "GWLINT_OUT")
    (insert (mapconcat #'identity rows "\n"))))
(when (and (fboundp 'eglot-current-server) (eglot-current-server))
  (ignore-errors (eglot-shutdown (eglot-current-server))))
(kill-emacs 0)
