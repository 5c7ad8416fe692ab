"""The JSON API's routes, one router per concern; `linkchart.web.app` includes them all."""
